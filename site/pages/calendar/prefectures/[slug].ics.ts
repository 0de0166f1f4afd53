import type { APIRoute, GetStaticPaths } from 'astro'
import { PREFECTURES } from '../../../../studio/lib/gansu'
import { feedResponse, upcomingFeedTalks } from '../../../lib/calendar/load'

export const getStaticPaths = (() =>
  PREFECTURES.map((p) => ({ params: { slug: p.slug }, props: { name: p.name } }))) satisfies GetStaticPaths

export const GET: APIRoute<{ name: string }, { slug: string }> = async ({ site, props }) =>
  feedResponse(
    site,
    `${props.name}劳模宣讲报告会`,
    `${props.name}近期的劳模宣讲报告会`,
    (await upcomingFeedTalks()).filter((t) => t.prefecture === props.name),
  )
