/** Main menu, service lists and the catalog list: buttons only. */
import React from 'react';
import { Buttons } from '../common/Buttons.js';
import type { View } from '../../src/app/view.js';

export function MenuScreen({ view }: { view: View }) {
  return <Buttons buttons={view.buttons} focus={view.focus} lang={view.lang} columns={view.columns} />;
}
