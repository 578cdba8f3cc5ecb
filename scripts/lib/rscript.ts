/**
 * Run R code with the machine's Rscript (Node only): the code goes to a temporary file, Rscript runs it
 * with --vanilla, and stdout/stderr come back; a non-zero exit, a timeout or a missing Rscript is an
 * RscriptError carrying R's own message.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** What a run of Rscript printed, and how long it took. */
export interface RscriptRun {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Options for `runRscript`: working directory, a timeout (default 120 s) and arguments for the script (commandArgs(TRUE)). */
export interface RscriptOptions {
  cwd?: string;
  timeoutMs?: number;
  args?: readonly string[];
}

/** Rscript failed: not found, exited non-zero or timed out; `stderr` holds what R printed. */
export class RscriptError extends Error {
  stderr: string;
  exitCode: number | null;
  constructor(message: string, stderr = '', exitCode: number | null = null) {
    super(message);
    this.name = 'RscriptError';
    this.stderr = stderr;
    this.exitCode = exitCode;
  }
}

/** The Rscript binary: $RSCRIPT_PATH if set, else the first Rscript on $PATH; null when there is none. */
export function rscriptPath(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.RSCRIPT_PATH) return existsSync(env.RSCRIPT_PATH) ? env.RSCRIPT_PATH : null;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'Rscript');
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The install hint printed when Rscript is missing. */
export const RSCRIPT_INSTALL_HINT = 'install R with "sudo apt-get install -y r-base-core r-cran-metafor r-cran-jsonlite" (Debian/Ubuntu) or set RSCRIPT_PATH';

/** Runs `code` with `Rscript --vanilla` and resolves with its output; rejects with an RscriptError on failure. */
export async function runRscript(code: string, options: RscriptOptions = {}): Promise<RscriptRun> {
  const bin = rscriptPath();
  if (!bin) throw new RscriptError(`Rscript not found: ${RSCRIPT_INSTALL_HINT}`);
  const dir = await mkdtemp(join(tmpdir(), 'rscript-'));
  const file = join(dir, 'script.R');
  const started = performance.now();
  try {
    await writeFile(file, code, 'utf8');
    return await new Promise<RscriptRun>((resolve, reject) => {
      execFile(
        bin,
        ['--vanilla', file, ...(options.args ?? [])],
        { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
        (error, stdout, stderr) => {
          const ms = performance.now() - started;
          if (!error) return resolve({ stdout, stderr, ms });
          const timedOut = error.killed === true || error.signal === 'SIGTERM';
          const exitCode = typeof error.code === 'number' ? error.code : null;
          const tail = stderr.trim().split('\n').slice(-8).join('\n');
          const why = timedOut ? `timed out after ${options.timeoutMs ?? 120_000} ms` : `exited with status ${exitCode ?? error.code}`;
          reject(new RscriptError(`Rscript ${why}${tail ? `:\n${tail}` : ''}`, stderr, exitCode));
        },
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `code`, which must print one JSON document on stdout (e.g. with jsonlite::toJSON), and parses it. */
export async function runRscriptJson<T>(code: string, options: RscriptOptions = {}): Promise<T> {
  const { stdout } = await runRscript(code, options);
  try {
    return JSON.parse(stdout) as T;
  } catch {
    throw new RscriptError(`Rscript printed no valid JSON; stdout began: ${JSON.stringify(stdout.slice(0, 200))}`);
  }
}
