import { statSync, type Stats } from 'node:fs';
import type { SiteConfig } from '../config/schema.js';
import type { Document, SourceFile } from '../content/document.js';

/**
 * `orgpress dev`: what the previous rebuild read and rendered, so that an
 * edit costs the edited draft, not the whole site. At thousands of drafts,
 * reading every file, scanning it for `#+INCLUDE:` and hashing it for the
 * document cache were most of a rebuild. Each step below reuses only what
 * provably has not changed; everything else goes through the same code as
 * `build`.
 *
 * - texts: a draft whose file has the same inode, size and modification
 *   time as when it was read is not read again (unless the watcher reported
 *   it: `mustRead`);
 * - includes: a draft whose text is the same and had no `#+INCLUDE:` is not
 *   scanned again;
 * - documents: a draft whose text and config are unchanged gets the very
 *   same Document back, without hashing its text or reading the disk cache.
 */
export class ContentMemo {
  private texts = new Map<string, { ino: number; size: number; mtimeMs: number; text: string }>();
  private readonly noIncludes = new Map<string, string>();
  private config = '';
  private docs = new Map<string, Document>();
  /** Absolute paths the watcher reported since the last rebuild: read them whatever their stats say. */
  mustRead: ReadonlySet<string> = new Set();

  /** The file's stats now, to pass back to `rememberText` (null when it cannot be read: then it is read and fails as usual). */
  statOf(abs: string): Stats | null {
    try {
      return statSync(abs);
    } catch {
      return null;
    }
  }

  /** The text read before, when the file is unchanged since. */
  knownText(abs: string, st: Stats | null): string | null {
    const known = this.texts.get(abs);
    if (!known || !st || this.mustRead.has(abs)) return null;
    return known.ino === st.ino && known.size === st.size && known.mtimeMs === st.mtimeMs ? known.text : null;
  }

  /** `st` was taken before reading: a write in between leaves different stats, and the file is read again next time. */
  rememberText(abs: string, st: Stats | null, text: string): void {
    if (st) this.texts.set(abs, { ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, text });
    else this.texts.delete(abs);
  }

  /** True when this very text was seen before with no `#+INCLUDE:` line. */
  hasNoIncludes(file: SourceFile): boolean {
    return this.noIncludes.get(file.path) === file.text;
  }

  rememberNoIncludes(file: SourceFile): void {
    this.noIncludes.set(file.path, file.text);
  }

  /** Looks up remembered Documents rendered under `config` (none when the config changed). */
  documents(config: SiteConfig): (file: SourceFile) => Document | null {
    if (this.config !== JSON.stringify(config)) return () => null;
    return (file) => {
      const doc = this.docs.get(file.path);
      return doc && doc.source.text === file.text ? doc : null;
    };
  }

  /** Remembers this rebuild's Documents in place of the previous ones, and forgets deleted drafts. */
  rememberDocuments(docs: readonly Document[], config: SiteConfig): void {
    this.config = JSON.stringify(config);
    this.docs = new Map(docs.map((d) => [d.source.path, d]));
    for (const p of this.noIncludes.keys()) if (!this.docs.has(p)) this.noIncludes.delete(p);
  }

  /** Forgets texts of files that are gone (called with the files just listed). */
  keepTexts(listed: ReadonlySet<string>): void {
    for (const abs of this.texts.keys()) if (!listed.has(abs)) this.texts.delete(abs);
  }
}
