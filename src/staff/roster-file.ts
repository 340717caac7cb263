import { type FSWatcher, readFileSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EMPTY_ROSTER, parseRoster, type Roster } from './roster.ts';

/**
 * The roster behind STAFF_FILE, kept current: read at start (a bad file stops the process, named line by line), then
 * read again on SIGHUP and whenever the file changes. A bad edit while running keeps the last good roster and is
 * reported, so a typo never locks every caseworker out.
 */
export class RosterError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the staff roster is invalid:\n${problems.join('\n')}`);
    this.name = 'RosterError';
  }
}

export interface RosterEvents {
  readonly onReload?: (roster: Roster) => void;
  readonly onInvalid?: (problems: readonly string[]) => void;
}

/** Reads and validates the file; throws RosterError with every problem. */
export function readRosterFile(path: string): Roster {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RosterError([`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`]);
  }
  const parsed = parseRoster(text, basename(path));
  if (!parsed.ok) throw new RosterError(parsed.problems);
  return parsed.roster;
}

export class LiveRoster {
  #roster: Roster;
  #watcher: FSWatcher | null = null;
  #timer: NodeJS.Timeout | null = null;
  readonly #onHup = () => this.reload();

  private constructor(
    readonly path: string | null,
    roster: Roster,
    readonly events: RosterEvents,
  ) {
    this.#roster = roster;
  }

  /** No STAFF_FILE: an empty roster (STAFF_IDS alone decide who is staff). */
  static none(): LiveRoster {
    return new LiveRoster(null, EMPTY_ROSTER, {});
  }

  /** A fixed roster (tests, the JSON-lines interface without watching). */
  static fixed(roster: Roster): LiveRoster {
    return new LiveRoster(null, roster, {});
  }

  /** Reads STAFF_FILE (throws RosterError when bad) and, when `watchIt`, follows SIGHUP and changes of the file. */
  static open(path: string, events: RosterEvents = {}, watchIt = true): LiveRoster {
    const full = resolve(path);
    const live = new LiveRoster(full, readRosterFile(full), events);
    if (watchIt) live.#watch();
    return live;
  }

  get current(): Roster {
    return this.#roster;
  }

  /** Reads the file again; on a problem the last good roster stays. True when the new roster was taken. */
  reload(): boolean {
    if (!this.path) return false;
    try {
      this.#roster = readRosterFile(this.path);
      this.events.onReload?.(this.#roster);
      return true;
    } catch (error) {
      this.events.onInvalid?.(error instanceof RosterError ? error.problems : [String(error)]);
      return false;
    }
  }

  #watch(): void {
    const path = this.path as string;
    process.on('SIGHUP', this.#onHup);
    // The directory is watched, not the file: editors save by writing a new file and renaming it over the old one.
    this.#watcher = watch(dirname(path), (_event, name) => {
      if (name !== null && name !== basename(path)) return;
      if (this.#timer) clearTimeout(this.#timer);
      // Saves come as several events; read once they settle.
      this.#timer = setTimeout(() => this.reload(), 100);
      this.#timer.unref();
    });
    this.#watcher.unref();
  }

  close(): void {
    process.off('SIGHUP', this.#onHup);
    this.#watcher?.close();
    if (this.#timer) clearTimeout(this.#timer);
  }
}
