/**
 * The terminal's alternate screen, as full-screen programs use it: what is drawn there disappears
 * when the program ends, and the shell's screen comes back as it was (nothing of a frame left behind).
 */
const ALT_SCREEN_ON = '\x1b[?1049h\x1b[?25l';
const ALT_SCREEN_OFF = '\x1b[?25h\x1b[?1049l';

/** Enters the alternate screen; the returned function (also run on exit, once) leaves it. */
export function enterAltScreen(out: NodeJS.WriteStream = process.stdout): () => void {
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    process.off('exit', leave);
    out.write(ALT_SCREEN_OFF);
  };
  out.write(ALT_SCREEN_ON);
  process.once('exit', leave);
  return leave;
}
