/** For the settings parsers' tests: the problems `parse` names for `env`, none when it accepts it. */
import { ConfigError } from './config.ts'

export function problemsOf(parse: (env: NodeJS.ProcessEnv) => unknown, env: NodeJS.ProcessEnv): string[] {
  try {
    parse(env)
    return []
  } catch (error) {
    if (error instanceof ConfigError) return error.problems
    throw error
  }
}
