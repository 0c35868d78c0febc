// `p9rt run --schedule FILE --explain` (docs/explore.md "Explaining a
// failure"): the story of a replayed run in the events that matter to it.
// What the schedule did (forced choices, late timers and wakeups, injected
// notes), the deadlines set and cleared, the deadline timers that fired and
// the goroutines running their callbacks (started, blocked and on what,
// ended), the cancels, notes and interrupted calls, and how the run ended.
// A deadline cleared while a callback of its fired timer has not finished is
// said so: that is issue 57114's window (docs/plan9-notes.md §5 item 22).
import type { TraceEvent } from '../../host/kernel/trace.js';
import { deadlineName, ms } from '../trace/model.js';
import type { ScheduleFile } from './schedule.js';
import { scheduleSize } from './schedule.js';

function at(e: TraceEvent): string {
  return e.file !== undefined && e.line !== undefined ? ` (${e.file.slice(e.file.lastIndexOf('/') + 1)}:${e.line})` : '';
}

function deadlineText(e: TraceEvent): string {
  if (e.cleared) return `${deadlineName(e)}(0): the deadline is cleared`;
  const d = e.d ?? 0;
  return d <= 0 ? `${deadlineName(e)} in the past` : `${deadlineName(e)} +${ms(d)}`;
}

/** The cause chain of a run replayed from schedule `s`, as lines of text. */
export function explainSchedule(events: readonly TraceEvent[], s: ScheduleFile): string {
  const byId = new Map<number, TraceEvent>();
  for (const e of events) if (e.id !== undefined) byId.set(e.id, e);
  /** timer id -> the deadline whose timer it is (timer.set's cause is the deadline region). */
  const deadlineOfSet = new Map<number, TraceEvent>();
  /** goid -> the deadline whose fired timer it runs the callback of, and its state. */
  const callbacks = new Map<number, { dl: TraceEvent; state: string }>();
  const lines: string[] = [];
  const say = (e: TraceEvent, text: string) => lines.push(`  ${ms(e.t).padStart(10)}  ${e.pid ? `pid ${e.pid} ` : ''}${e.g ? `g${e.g} ` : ''}${text}`);
  let cleared57114 = false;

  for (const e of events) {
    switch (e.kind) {
      case 'explore':
        if (e.text === 'pick') say(e, `the schedule's forced choice at choice point ${e.a}: g${e.goid} runs, where Go's order runs g${e.b}`);
        else if (e.text === 'timer') say(e, `the schedule makes timed sleep ${e.a} of pid ${e.to} end ${ms(e.b ?? 0)} late`);
        else if (e.text === 'wake') say(e, `the schedule makes wakeup ${e.a} of pid ${e.to} take effect ${ms(e.b ?? 0)} late`);
        else if (e.text === 'note') say(e, `the schedule posts a note to pid ${e.to} at a boundary of call ${e.a}`);
        else if (e.text === 'step') say(e, `the schedule opens a preemption window: pid ${e.to} enters the kernel at each of its next ${e.b} safepoints`);
        break;
      case 'timer.set':
      case 'timer.reset': {
        const c = e.cause !== undefined ? byId.get(e.cause) : undefined;
        if (c?.kind === 'deadline' && e.id !== undefined) deadlineOfSet.set(e.id, c);
        break;
      }
      case 'deadline': {
        const pending = [...callbacks.entries()].filter(([, v]) => v.state !== 'ended');
        let text = deadlineText(e) + at(e);
        if (e.cleared && pending.length > 0) {
          const [goid, v] = pending[0];
          text += `, while g${goid}, the callback of the timer of ${deadlineText(v.dl)}${at(v.dl)} that already fired, ${v.state === 'created' ? 'has not run yet' : `is ${v.state}`}: stopping that timer cannot undo it`;
          cleared57114 = true;
        }
        say(e, text);
        break;
      }
      case 'timer.fire': {
        const set = e.cause !== undefined ? byId.get(e.cause) : undefined;
        const dl = set?.id !== undefined ? deadlineOfSet.get(set.id) : undefined;
        if (dl) say(e, `the timer of ${deadlineText(dl)}${at(dl)} fires`);
        break;
      }
      case 'go.create': {
        const fire = e.cause !== undefined ? byId.get(e.cause) : undefined;
        const set = fire?.kind === 'timer.fire' && fire.cause !== undefined ? byId.get(fire.cause) : undefined;
        const dl = set?.id !== undefined ? deadlineOfSet.get(set.id) : undefined;
        if (dl && e.goid !== undefined) {
          callbacks.set(e.goid, { dl, state: 'created' });
          say(e, `g${e.goid} is made to run that timer's callback (runnable)`);
        }
        break;
      }
      case 'go.start':
      case 'go.block':
      case 'go.unblock':
      case 'go.end': {
        const cb = e.goid !== undefined ? callbacks.get(e.goid) : undefined;
        if (!cb) break;
        const after = cleared57114 ? ' (after the deadline was cleared)' : '';
        if (e.kind === 'go.start') {
          cb.state = 'running';
          say(e, `the callback g${e.goid} runs${after}`);
        } else if (e.kind === 'go.block') {
          cb.state = e.reason === 'sema' ? 'blocked on the FD\'s lock (sema)' : `blocked (${e.reason})`;
          say(e, `the callback g${e.goid} blocks: ${e.reason === 'sema' ? 'it waits for the FD\'s lock, which the goroutine setting the deadline holds' : e.reason}`);
        } else if (e.kind === 'go.unblock') {
          cb.state = 'runnable';
          say(e, `the callback g${e.goid} is runnable again`);
        } else {
          cb.state = 'ended';
          say(e, `the callback g${e.goid} is done${cleared57114 ? '' : ''}`);
        }
        break;
      }
      case 'io.cancel':
        say(e, `Cancel posts "hangup" to the I/O proc ${e.to}${at(e)}`);
        break;
      case 'note.post':
        if (!e.text?.startsWith('go: exit')) say(e, `note ${JSON.stringify(e.text)} posted to pid ${e.to} by ${e.from === 'host' ? 'the host (the schedule)' : `pid ${e.from}`}: ${e.result}`);
        break;
      case 'sys.interrupted':
        say(e, `its ${e.sys} is interrupted`);
        break;
      case 'io.timeout':
        say(e, `the ${e.mode === 'w' ? 'Write' : 'Read'} returns i/o timeout${at(e)}`);
        break;
      case 'end':
        say(e, `the run ends: exit string ${JSON.stringify(e.text ?? '')} (${e.reason})`);
        break;
    }
  }
  const head = `schedule: seed ${s.seed}, ${scheduleSize(s.run)} forced choices and perturbations${s.failure ? `; found failing with ${s.failure.kind}: ${s.failure.message}` : ''}`;
  const tail = cleared57114
    ? ["a deadline timer that had fired ran its callback after its deadline was cleared: the window of Go issue 57114 (Go 1.19's callback then marks the FD timed out; since CL 470215 it sees that its timer was replaced and does nothing; p9rt --poll=go1.19 runs the logic before the fix)"]
    : [];
  return [head, 'cause chain:', ...lines, ...tail].join('\n') + '\n';
}
