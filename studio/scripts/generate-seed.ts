/**
 * Deterministic sample dataset for 劳模宣讲 (Laomo): `npm run seed`, then
 * `npx sanity dataset import studio/seed/data.ndjson <dataset>`.
 *
 *   node studio/scripts/generate-seed.ts [output folder]   (default: studio/seed/)
 *
 * The data lives in seed/data/ and the generators in seed/ (seed/generate.ts wires them).
 *
 * Real people: only 闫桂珍 and 新志强, who are named in the source article
 * 《凝聚起建设幸福美好新甘肃的磅礴力量——甘肃工会工作创新发展纪实》, and only with what its photo
 * captions state (seed/data/article.ts). Every other person is fictional (`fictional: true`) and
 * says so in the bio. Every image is a generated placeholder that says so on its face
 * (`placeholder: true`).
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSeed } from './seed/generate.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
// An output folder may be given (tests regenerate into a temp folder and compare).
const seedDir = process.argv[2] ? resolve(process.argv[2]) : join(HERE, '..', 'seed')

console.log(await generateSeed(seedDir))
