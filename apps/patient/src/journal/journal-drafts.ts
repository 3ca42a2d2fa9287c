/** What the patient is writing, as kept on the device until the API has it. */
export interface LocalDraft {
  clientId: string;
  text: string;
  mood: number | null;
  tags: string[];
  promptSlug: string | null;
  infusionId: string | null;
  /** When the patient last changed it, in milliseconds since the epoch. */
  editedAt: number;
}

const PREFIX = 'ivks.journal-draft.';

const keyOf = (userId: string, clientId: string) => `${PREFIX}${userId}.${clientId}`;

function isDraft(value: unknown): value is LocalDraft {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const draft = value as Partial<Record<keyof LocalDraft, unknown>>;

  return (
    typeof draft.clientId === 'string' &&
    typeof draft.text === 'string' &&
    (draft.mood === null || typeof draft.mood === 'number') &&
    Array.isArray(draft.tags) &&
    typeof draft.editedAt === 'number'
  );
}

function parse(raw: string | null): LocalDraft | null {
  if (raw === null) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(raw);

    return isDraft(value) ? value : null;
  } catch {
    // Something else wrote under our key; it is not a draft, so there is nothing to restore.
    return null;
  }
}

/**
 * Drafts kept in the browser, one key per draft and per signed-in user, so a closed tab or a
 * dropped connection never loses writing and another person on the device never sees it offered.
 */
export class DraftStore {
  constructor(
    private readonly storage: Storage,
    private readonly userId: string,
  ) {}

  read(clientId: string): LocalDraft | null {
    return parse(this.storage.getItem(keyOf(this.userId, clientId)));
  }

  /** False when the browser refuses to keep it (storage full or turned off). */
  write(draft: LocalDraft): boolean {
    try {
      this.storage.setItem(keyOf(this.userId, draft.clientId), JSON.stringify(draft));

      return true;
    } catch {
      return false;
    }
  }

  remove(clientId: string): void {
    this.storage.removeItem(keyOf(this.userId, clientId));
  }

  /** Every draft of this user on the device, the most recently changed first. */
  list(): LocalDraft[] {
    const prefix = `${PREFIX}${this.userId}.`;
    const drafts: LocalDraft[] = [];
    for (let index = 0; index < this.storage.length; index += 1) {
      const key = this.storage.key(index);
      const draft = key?.startsWith(prefix) ? parse(this.storage.getItem(key)) : null;
      if (draft !== null) {
        drafts.push(draft);
      }
    }

    return drafts.sort((a, b) => b.editedAt - a.editedAt);
  }
}

/** Tags as the patient types them: separated by commas, trimmed, without repeats. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ];
}
