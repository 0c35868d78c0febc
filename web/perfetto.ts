// "Open in Perfetto": ui.perfetto.dev takes a trace posted to its window (its documented
// postMessage protocol: PING until it answers PONG, then {perfetto: {buffer, title}}). This page
// is cross-origin isolated (COOP same-origin), and a browser then cuts the tie to a window of
// another origin, so the post may find nobody listening: after a few seconds without PONG the
// trace is saved instead and the user is told how to open it there.

const ORIGIN = 'https://ui.perfetto.dev';
const WAIT_MS = 4000;

export async function openInPerfetto(
  json: string,
  title: string,
  save: () => string,
  say: (msg: (string | Node)[]) => void,
): Promise<void> {
  const link = () => {
    const a = document.createElement('a');
    a.href = ORIGIN;
    a.target = '_blank';
    a.rel = 'noopener';
    a.textContent = 'ui.perfetto.dev';
    return a;
  };
  const fallback = () => {
    const file = save();
    say(['Saved ', code(file), '. In ', link(), ' choose "Open trace file" and pick it (the trace never leaves your machine).']);
  };
  const w = window.open(`${ORIGIN}/#!/viewer`);
  if (!w || w.closed) {
    fallback();
    return;
  }
  say(['Opening the trace in Perfetto…']);
  const buffer = new TextEncoder().encode(json).buffer;
  const answered = await new Promise<boolean>((resolve) => {
    const ping = setInterval(() => {
      try {
        w.postMessage('PING', ORIGIN);
      } catch {
        // The window is not reachable from here.
      }
    }, 100);
    const done = (ok: boolean) => {
      clearInterval(ping);
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(ok);
    };
    const onMessage = (ev: MessageEvent) => {
      if (ev.origin === ORIGIN && ev.data === 'PONG') done(true);
    };
    window.addEventListener('message', onMessage);
    const timer = setTimeout(() => done(false), WAIT_MS);
  });
  if (answered) {
    w.postMessage({ perfetto: { buffer, title } }, ORIGIN, [buffer]);
    say(['Sent to ', link(), '.']);
  } else {
    fallback();
  }
}

function code(text: string): HTMLElement {
  const c = document.createElement('code');
  c.textContent = text;
  return c;
}
