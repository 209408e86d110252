import { useChatStore } from '../../chat/ChatContext';
import type { ChatMessage } from '../../chat/socket';
import { AttachmentView } from './AttachmentView';
import { LockIcon } from './LockIcon';
import { describeOpened, useOpenedBody } from './messageText';

/**
 * Renders a message's body. The one place a body becomes markup: in encrypted rooms it shows what the envelope opened
 * to (web/src/chat/keyring.ts), after its signature and tag checked out, or a placeholder — never unauthenticated text;
 * file attachments (web/src/chat/files.ts) follow the body.
 */
export function MessageBody({ message }: { message: ChatMessage }) {
  const store = useChatStore();
  const opened = useOpenedBody(message);
  if (message.deleted || message.body === null) {
    return <p className="chat-msg__body chat-msg__body--deleted">message deleted</p>;
  }
  const files = message.attachments?.map((a) => <AttachmentView key={a.fileId} message={message} attachment={a} />);
  const encrypted = store?.roomView(message.roomId)?.encrypted ?? false;
  if (!encrypted) {
    return (
      <>
        <p className="chat-msg__body">{message.body}</p>
        {files}
      </>
    );
  }
  if (opened?.ok) {
    return (
      <>
        <p className="chat-msg__body" data-encrypted="true">
          <LockIcon title="End-to-end encrypted: opened and verified on this device" />{' '}
          {opened.text}
        </p>
        {files}
      </>
    );
  }
  return (
    <>
      <p className="chat-msg__body chat-msg__body--sealed" data-encrypted="true" data-testid="sealed-body" title={opened && !opened.ok ? opened.detail : undefined}>
        <LockIcon title={opened && !opened.ok ? opened.detail : 'End-to-end encrypted'} /> {describeOpened(opened)}
      </p>
      {files}
    </>
  );
}
