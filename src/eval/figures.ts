/** The figures an evaluation ends with. */
export type EvalFigures = {
  statistics: number;
  found: number;
  readRight: number;
  extraSure: number;
  extraUnsure: number;
  questions: number;
  questionsRight: number;
  wrongLeads: number;
  /** Turns of conversations (follow-ups), when the corpus has any; their wrong leads count above. */
  turns: number;
  turnsRight: number;
};

export function figureLines(f: EvalFigures): string[] {
  return [
    `statistics found: ${f.found}/${f.statistics}`,
    `statistics read right: ${f.readRight}/${f.statistics}`,
    `extra facts: ${f.extraSure + f.extraUnsure} (sure ${f.extraSure}, unsure ${f.extraUnsure})`,
    `questions answered right: ${f.questionsRight}/${f.questions}`,
    ...(f.turns ? [`conversation turns answered right: ${f.turnsRight}/${f.turns}`] : []),
    `answers led by a wrong number: ${f.wrongLeads}`,
  ];
}

/** Each threshold flag, the figure it bounds, and whether it is a floor or a ceiling. */
export const THRESHOLDS = [
  { flag: "min-found", figure: (f: EvalFigures) => f.found, floor: true },
  { flag: "min-right", figure: (f: EvalFigures) => f.readRight, floor: true },
  { flag: "max-extra", figure: (f: EvalFigures) => f.extraSure + f.extraUnsure, floor: false },
  { flag: "min-questions", figure: (f: EvalFigures) => f.questionsRight, floor: true },
  { flag: "min-turns", figure: (f: EvalFigures) => f.turnsRight, floor: true },
  { flag: "max-wrong-lead", figure: (f: EvalFigures) => f.wrongLeads, floor: false },
] as const;

export type ThresholdFlag = (typeof THRESHOLDS)[number]["flag"];

/** One line per threshold the figures break, naming the flag, its bound and the figure. */
export function brokenThresholds(
  f: EvalFigures,
  limits: Partial<Record<ThresholdFlag, number>>,
): string[] {
  return THRESHOLDS.flatMap(({ flag, figure, floor }) => {
    const limit = limits[flag];
    const value = figure(f);
    if (limit === undefined || (floor ? value >= limit : value <= limit)) return [];
    return [`--${flag} ${limit}: got ${value}`];
  });
}
