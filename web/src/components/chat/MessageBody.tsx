import type { ChatMessage } from '../../chat/socket';
import { AttachmentView } from './AttachmentView';

/**
 * Renders a message's body. The one place a body becomes markup: encrypted rooms (web/src/chat/crypto.ts) and file
 * attachments (web/src/chat/files.ts) plug in here, decrypting or recognising an attachment before rendering.
 */
export function MessageBody({ message }: { message: ChatMessage }) {
  if (message.deleted || message.body === null) {
    return <p className="chat-msg__body chat-msg__body--deleted">message deleted</p>;
  }
  return (
    <>
      <p className="chat-msg__body">{message.body}</p>
      {message.attachments?.map((a) => <AttachmentView key={a.fileId} message={message} attachment={a} />)}
    </>
  );
}
