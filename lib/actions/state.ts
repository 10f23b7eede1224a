/** What a form's server action answers: only expected messages, never a stack or SQL. */
export interface ActionState<Values extends Record<string, string> = Record<string, string>> {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: Partial<Record<keyof Values & string, string[]>>;
  values?: Partial<Values>;
}

export const idleState: ActionState = { status: "idle" };
