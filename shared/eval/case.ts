import { z } from 'zod'
import { UserEvidence } from '../diagnosis/evidence'
import { FINDING_IDS } from '../diagnosis/finding-ids'

/**
 * One real report from a public thread (development set, issue 11). `report` is the reporter's
 * own words and output, verbatim; `evidence` is the same text put into the `--evidence` shape
 * (every field is a verbatim part of `report`, checked by the tests). `established` is what the
 * thread itself established — by a maintainer or by the reporter's confirmed fix — never a guess.
 */
export const EvalCase = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  source: z.url(),
  language: z.enum(['en', 'zh-CN']),
  report: z.string().min(1),
  evidence: UserEvidence,
  established: z.discriminatedUnion('kind', [
    /** The thread's cause is one of our findings; any of `findings` counts as right (first = the main one). */
    z.object({ kind: z.literal('finding'), findings: z.array(z.enum(FINDING_IDS)).min(1), basis: z.string().min(1) }),
    /** The thread never established a cause: the honest answer is "not enough to decide". */
    z.object({ kind: z.literal('no-established-cause'), note: z.string().min(1) }),
    /** The thread established a cause the product has no finding for (yet). */
    z.object({ kind: z.literal('cause-not-in-product'), cause: z.string().min(1), basis: z.string().min(1) }),
  ]),
})
export type EvalCase = z.infer<typeof EvalCase>
