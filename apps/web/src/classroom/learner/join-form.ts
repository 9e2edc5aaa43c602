import { checkJoinCode, type ProtocolError } from '@ttc/protocol';

export interface JoinProblems {
  code?: string;
  name?: string;
  /** A problem with neither field (rate limit, the server out of reach). */
  form?: string;
}

/** The name as the server stores it: trimmed, inner spaces collapsed. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** Checks the form before anything is sent, with the protocol's own reading of the code ("443 cn7" is fine). */
export function checkJoinForm(code: string, name: string): JoinProblems {
  const problems: JoinProblems = {};
  const checked = checkJoinCode(code);
  if (!checked.ok) problems.code = checked.message;
  const cleanName = normaliseName(name);
  if (cleanName.length === 0) problems.name = 'Enter your name: your teammates and your trainer will see it.';
  else if (cleanName.length > 30) problems.name = 'Use a name of at most 30 characters.';
  return problems;
}

/** What the server's refusal means for the learner, beside the field it is about. */
export function joinRefusal(error: ProtocolError, name: string): JoinProblems {
  switch (error.code) {
    case 'name-taken':
      return { name: `Someone in this class is already called “${normaliseName(name)}”. Add an initial or choose another name.` };
    case 'unknown-join-code':
      return { code: 'No open class has this code. Check it on the projector, or ask your trainer.' };
    case 'session-ended':
      return { code: 'This class is over: it no longer takes new learners.' };
    case 'rate-limited':
      return { form: 'Too many attempts in a short time. Wait a minute, then try again.' };
    case 'bad-message':
      return { form: `The server could not accept this: ${error.message}` };
    default:
      return { form: error.message };
  }
}
