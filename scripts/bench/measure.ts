/**
 * Run a command as a child process and measure it: wall time, peak memory of the whole process
 * tree (the sum of every descendant's resident set, sampled from /proc/<pid>/stat every
 * `intervalMs`), the largest single process's exact peak and the CPU time (both from
 * getrusage through /usr/bin/time when it exists), and, for commands that run several steps
 * (npm run build), each step's window and peak, found from the processes' own start times.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import type { CommandCost } from './lib/types.ts';

/** A step of a multi-step command, recognised by its process's command line. */
export interface StepPattern {
  name: string;
  match: RegExp;
}

/** What a measured command cost: the results.json record (CommandCost) and how many samples were taken. */
export interface Measurement extends CommandCost {
  samples: number;
}

const PAGE = 4096;
const TICKS = 100; // CLK_TCK on Linux

interface ProcInfo {
  pid: number;
  ppid: number;
  startTicks: number;
  rssBytes: number;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name "(…)", which may itself hold spaces or parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(rest[1]), startTicks: Number(rest[19]), rssBytes: Number(rest[21]) * PAGE };
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** The processes of the tree rooted at `root` (root included). */
function tree(root: number): ProcInfo[] {
  const all: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) all.push(p);
  }
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const stack = all.filter((p) => p.pid === root);
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

function uptimeSeconds(): number {
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** A process seen while sampling: its command line and the first and last time it was seen (ms from the start). */
interface SeenProcess {
  cmd: string;
  startMs: number;
  lastMs: number;
}

/** Memory samples of a process tree: the peak of their RSS sum, every sample, and each process seen. */
interface TreeSampler {
  sample: () => void;
  treePeak: number;
  samples: number;
  timeline: { t: number; bytes: number }[];
  seen: Map<number, SeenProcess>;
}

/** A sampler of the process tree under `pid`; `started` is performance.now() and `uptime0` the uptime at the start. */
function treeSampler(pid: number, started: number, uptime0: number): TreeSampler {
  const state: TreeSampler = { sample: () => {}, treePeak: 0, samples: 0, timeline: [], seen: new Map() };
  state.sample = () => {
    const t = performance.now() - started;
    const procs = tree(pid);
    const bytes = procs.reduce((n, p) => n + p.rssBytes, 0);
    state.treePeak = Math.max(state.treePeak, bytes);
    state.timeline.push({ t, bytes });
    state.samples++;
    for (const p of procs) {
      const known = state.seen.get(p.pid);
      // Read again while it runs: a process first seen between fork and exec still shows its parent's command line.
      if (known) [known.lastMs, known.cmd] = [t, cmdline(p.pid) || known.cmd];
      else state.seen.set(p.pid, { cmd: cmdline(p.pid), startMs: (p.startTicks / TICKS - uptime0) * 1000, lastMs: t });
    }
  };
  return state;
}

/** Kills the process group of `pid` after `timeoutMs` (if given); `timedOut()` says whether it did. */
function killAfter(pid: number, timeoutMs: number | undefined): { cancel: () => void; timedOut: () => boolean } {
  let timedOut = false;
  const limit = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, timeoutMs)
    : undefined;
  return { cancel: () => clearTimeout(limit), timedOut: () => timedOut };
}

/** Peak RSS of the largest process and user+sys CPU from /usr/bin/time's file (removed after reading); null without it. */
async function timeUsage(useTime: boolean, timeFile: string): Promise<{ maxProcessBytes: number | null; cpuSeconds: number | null }> {
  let maxProcessBytes: number | null = null;
  let cpuSeconds: number | null = null;
  if (useTime) {
    const text = await readFile(timeFile, 'utf8').catch(() => '');
    const m = /maxrss_kb=(\d+) user_s=([\d.]+) sys_s=([\d.]+)/.exec(text);
    if (m) [maxProcessBytes, cpuSeconds] = [Number(m[1]) * 1024, Number(m[2]) + Number(m[3])];
    await rm(timeFile, { force: true });
  }
  return { maxProcessBytes, cpuSeconds };
}

/** Step windows: from the start of a step's first process to the last sample that saw one of them (steps may overlap), with the tree's peak in it. */
function stepWindows(patterns: readonly StepPattern[], sampler: TreeSampler, wallMs: number, interval: number): Measurement['steps'] {
  const starts = patterns.flatMap((s) => {
    const procs = [...sampler.seen.values()].filter((p) => s.match.test(p.cmd));
    return procs.length ? [{ name: s.name, startMs: Math.max(0, Math.min(...procs.map((p) => p.startMs))), lastMs: Math.max(...procs.map((p) => p.lastMs)) }] : [];
  });
  starts.sort((a, b) => a.startMs - b.startMs);
  return starts.map((s) => {
    const endMs = Math.min(wallMs, s.lastMs + interval);
    const peakBytes = Math.max(0, ...sampler.timeline.filter((x) => x.t >= s.startMs && x.t <= endMs + interval).map((x) => x.bytes));
    return { name: s.name, startMs: s.startMs, endMs, peakBytes };
  });
}

/** Run `command` (argv) in `cwd`; output goes to `logFile`. */
export async function measure(command: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string; steps?: StepPattern[]; intervalMs?: number; timeoutMs?: number }): Promise<Measurement> {
  const interval = options.intervalMs ?? 100;
  const timeFile = `${options.logFile}.time`;
  const useTime = existsSync('/usr/bin/time');
  const argv = useTime ? ['/usr/bin/time', '-o', timeFile, '-f', 'maxrss_kb=%M user_s=%U sys_s=%S', ...command] : command;
  const log = createWriteStream(options.logFile);
  const started = performance.now();
  const uptime0 = uptimeSeconds();
  // Own process group, so a command past its time limit is stopped with all its children (and nothing else).
  const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  const sampler = treeSampler(child.pid!, started, uptime0);
  const timer = setInterval(sampler.sample, interval);
  sampler.sample();
  const limit = killAfter(child.pid!, options.timeoutMs);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  limit.cancel();
  const wallMs = performance.now() - started;
  await new Promise<void>((resolve) => log.end(resolve));
  const { maxProcessBytes, cpuSeconds } = await timeUsage(useTime, timeFile);
  const steps = stepWindows(options.steps ?? [], sampler, wallMs, interval);
  return { wallMs, exitCode, timedOut: limit.timedOut(), treePeakBytes: sampler.treePeak, maxProcessBytes, cpuSeconds, samples: sampler.samples, steps };
}
