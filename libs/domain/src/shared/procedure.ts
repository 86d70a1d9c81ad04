/** The vocabulary of a consortium's procedure that policies and decisions share. */
export const REVIEW_STAGES = ['preliminary', 'formal', 'technical', 'expert'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** An evaluation's grade (consortia and zones alike): 优秀 / 合格 / 不合格. */
export const GRADES = ['excellent', 'qualified', 'unqualified'] as const;
export type Grade = (typeof GRADES)[number];
