/** Russian strings of the Training place (issue 15): the catalog and the debrief (screens/training/). */
import type { trainingEn } from './training.en.js';

export const trainingRu: Record<keyof typeof trainingEn, string> = {
  'training.catalog.title': 'Обучение · упражнения',
  'training.catalog.pager': 'страница {page}/{pages} · PgDn PgUp',
  'training.catalog.difficulty': 'сложность {n}/3',
  'training.place.terminal': 'Терминал',
  'training.place.cashier': 'Касса',
  'training.place.post': 'Почта России',
  'training.place.site': 'Сайт',
  'training.place.phone': 'Мобильный платёж',
  'training.debrief.title': 'Разбор · {title} · {trainee}',
  'training.debrief.score': 'Баллы {score} из {max} · время {time}',
  'training.debrief.abandoned': 'Прервано до конца: остальное засчитано как промах',
  'training.debrief.mistakes': 'Ошибки',
  'training.debrief.none': 'Ошибок нет: все пункты пройдены.',
  'training.debrief.source': 'Источник: {text}',
  'training.debrief.right': 'Верно: {text}',
};
