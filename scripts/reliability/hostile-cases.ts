/** The hostile inputs of part 3, by kind of attack, in the order they are sent. */
import { characterCases } from './hostile-cases/characters.ts'
import { dateCases } from './hostile-cases/dates.ts'
import { encodingCases } from './hostile-cases/encoding.ts'
import { headerCases } from './hostile-cases/headers.ts'
import { caseKit, type Hostile } from './hostile-cases/kit.ts'
import { requestCases } from './hostile-cases/requests.ts'
import { sizeCases } from './hostile-cases/sizes.ts'
import { valueCases } from './hostile-cases/values.ts'

export function hostileCases(topics: string[], workerIds: string[]): Hostile[] {
  const kit = caseKit()
  const topic = topics[0] ?? ''
  return [
    ...characterCases(kit, topic),
    ...encodingCases(kit),
    ...headerCases(kit),
    ...sizeCases(kit, workerIds),
    ...dateCases(kit),
    ...valueCases(kit, topic, workerIds),
    ...requestCases(kit),
  ]
}
