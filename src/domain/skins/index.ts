export * from './skin.js';
export { BUILT_IN_SKINS, CYBERPLAT, DEFAULT_SKIN, EUROSET, QIWI, SVYAZNOY, skinById } from './builtIn.js';
export { checkSkin, parseSkinFile, type SkinCheck } from './validate.js';
export { HELP_SCREENS, helpScreenOf, helpText, type HelpScreen } from './help.js';
