/**
 * A world drawn: the views of its places read from their actors, laid out by screens/WorldLayout.
 * The Training place draws a running exercise's own world inside it, with this same component
 * (the sandbox is a world like the real one), so the exercise looks and acts as the real place.
 */
import React from 'react';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { WorldActor } from '../../machines/world.js';
import type { trainingMachine } from '../../machines/training.js';
import { viewOf } from './view.js';
import { phoneViewOf, worldViewOf } from './worldView.js';
import { siteViewOf } from '../../machines/site/siteView.js';
import { deskViewOf } from '../../machines/desk/deskView.js';
import { trainingPlaceViewOf } from './trainingPlaceView.js';
import { TRAINING_TERMINAL_ID } from '../domain/training/moment.js';
import { WorldLayout } from '../../screens/WorldLayout.js';
import { RUNNING_LINES, TrainingFrame } from '../../screens/training/TrainingFrame.js';

export interface WorldScreenProps {
  world: WorldActor;
  terminalId: string;
  columns: number;
  rows: number;
  /** false: drawn without its place bar (a running exercise's world, under the Training lines) */
  bar?: boolean;
}

export function WorldScreen({ world, terminalId, columns, rows, bar = true }: WorldScreenProps) {
  const places = world.getSnapshot().context;
  const view = useSelector(places.terminal, viewOf);
  const worldView = useSelector(world, worldViewOf);
  const phone = useSelector(places.phone, phoneViewOf);
  // the places the world opens after the first screen (world.open) are null until then: nothing to draw
  const site = useSelector(places.site ?? undefined, (s) => (s ? siteViewOf(s) : null));
  const cashier = useSelector(places.cashier ?? undefined, (s) => (s ? deskViewOf(s) : null));
  const post = useSelector(places.post ?? undefined, (s) => (s ? deskViewOf(s) : null));
  const exerciseRuns = useSelector(places.training ?? undefined, (s) => s?.matches('running') ?? false);
  // a running exercise needs every row for its own world: the Training lines take the place bar's row
  const withBar = bar && !(worldView.shown === 'training' && exerciseRuns);
  const training = worldView.shown === 'training' && places.training ? <TrainingPlace actor={places.training} columns={columns} rows={withBar ? rows - 1 : rows} /> : null;
  return <WorldLayout view={view} world={worldView} phone={phone} site={site} desks={{ cashier, post }} terminalId={terminalId} columns={columns} rows={rows} training={training} bar={withBar} />;
}

/** The sandbox terminal's id on screen: practice is never taken for a real terminal. */
export { TRAINING_TERMINAL_ID };

function TrainingPlace({ actor, columns, rows }: { actor: ActorRefFrom<typeof trainingMachine>; columns: number; rows: number }) {
  const view = useSelector(actor, trainingPlaceViewOf);
  const sandbox = view.screen === 'running' ? view.running.sandbox : null;
  return (
    <TrainingFrame view={view} width={columns} height={rows}>
      {sandbox ? <WorldScreen world={sandbox} terminalId={TRAINING_TERMINAL_ID} columns={columns} rows={rows - RUNNING_LINES} bar={false} /> : null}
    </TrainingFrame>
  );
}
