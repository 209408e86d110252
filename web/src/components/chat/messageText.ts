import { useChatState, useChatStore } from '../../chat/ChatContext';
import type { Opened } from '../../chat/keyring';
import type { ChatMessage } from '../../chat/socket';

export const NO_KEY_TEXT = 'can\u2019t decrypt (no key for this device yet)';
export const INVALID_TEXT = 'can\u2019t decrypt (this message failed verification)';
export const OPENING_TEXT = 'decrypting\u2026';

/** What a body shows as one line of text: the plaintext, or a placeholder that never contains unauthenticated text. */
export function describeOpened(opened: Opened | null): string {
  if (!opened) return OPENING_TEXT;
  if (opened.ok) return opened.text;
  return opened.reason === 'no_key' ? NO_KEY_TEXT : INVALID_TEXT;
}

/** A message's body as it should be shown (decrypted in encrypted rooms); re-renders when it opens. */
export function useOpenedBody(message: ChatMessage | null): Opened | null {
  const store = useChatStore();
  useChatState(); // subscribe: bodies open asynchronously
  if (!message || message.body === null) return null;
  if (!store) return { ok: true, text: message.body };
  return store.bodyOf(message);
}

/** The same as text, for quotes and previews. */
export function useMessageText(message: ChatMessage | null): string {
  const opened = useOpenedBody(message);
  if (!message) return '';
  if (message.deleted || message.body === null) return 'message deleted';
  return describeOpened(opened);
}
