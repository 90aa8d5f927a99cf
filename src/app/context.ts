/** The terminal actor for React: screens read it with `TerminalContext.useSelector`. */
import { createActorContext } from '@xstate/react';
import { terminalMachine } from '../../machines/terminal.js';

export const TerminalContext = createActorContext(terminalMachine);
