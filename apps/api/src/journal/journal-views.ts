import type { JournalReply as JournalReplyView } from '@ivks/contracts';
import type { ClinicEncryption, JournalReply } from '@ivks/server';

/** Replies with their text, oldest first. */
export async function replyViews(
  encryption: ClinicEncryption,
  replies: JournalReply[],
): Promise<JournalReplyView[]> {
  const sorted = [...replies].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const views: JournalReplyView[] = [];
  // One at a time: decrypting may query the transaction's one connection.
  for (const reply of sorted) {
    views.push({
      id: reply.id,
      authorName: reply.authorName,
      text: await encryption.decrypt(
        { kind: 'journal_reply', id: reply.id },
        { ciphertext: reply.bodyCiphertext, keyVersion: reply.keyVersion },
      ),
      createdAt: reply.createdAt.toISOString(),
    });
  }

  return views;
}
