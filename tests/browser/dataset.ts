/** Expected figures, computed from the bundled dataset with the real GROQ engine. */
import { getContentSource } from '../../site/lib/content/executors'
import { COUNTS_QUERY } from '../../site/lib/content/queries'

export async function expectedCounts() {
  const source = await getContentSource({})
  return source.fetch<{ talks: number; enterprise: number; school: number; community: number; workers: number }>(
    COUNTS_QUERY,
  )
}

export async function firstFictionalWorker() {
  const source = await getContentSource({})
  return source.fetch<{ name: string; slug: string; honours: string[]; talkCount: number }>(
    `*[_type == "modelWorker" && fictional == true && defined(portrait)] | order(slug.current asc)[0]{
      name, "slug": slug.current, "honours": honours[].title,
      "talkCount": count(*[_type == "talk" && ^._id in speakers[]._ref])
    }`,
  )
}
