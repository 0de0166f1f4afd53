/**
 * Which schema.json attributes a set of documents never fills, walking into objects, arrays and named types
 * (`honour`, `geopoint`, `captionedImage`, Portable Text blocks, spans, link marks, …). The maximal dataset
 * must leave nothing out but what the Studio never writes (rules.ts NEVER_WRITTEN).
 */
import { NEVER_WRITTEN } from './rules.ts'
import { documentFields, literalValues, objectAttributes, resolve, type Schema, type SchemaNode } from './schema.ts'

type Value = Record<string, unknown>

/** The `_type` literal an object node declares (`block`, `span`, `captionedImage`, `image`, …). */
function typeLiteral(schema: Schema, node: SchemaNode): string | undefined {
  const t = objectAttributes(schema, node)?._type?.value
  return t?.type === 'string' && typeof t.value === 'string' ? t.value : undefined
}

function neverWritten(containers: string[], field: string): boolean {
  return NEVER_WRITTEN.some((n) => n.field === field && n.in.some((c) => containers.includes(c)))
}

/** Paths (e.g. `talk.location.alt`, `story.body[].children[].marks`) that no value in `values` fills. */
export function unfilled(schema: Schema, node: SchemaNode, values: unknown[], at: string): string[] {
  const resolved = resolve(schema, node)
  if (resolved.type === 'array') {
    const items = values.flatMap((v) => (Array.isArray(v) ? v : []))
    if (items.length === 0) return [`${at}[]`]
    return unfilled(schema, resolved.of as SchemaNode, items, `${at}[]`)
  }
  if (resolved.type === 'union' && !literalValues(resolved)) {
    // A union of object types (Portable Text: blocks and figures): each member by its `_type`.
    return (resolved.of as SchemaNode[]).flatMap((member) => {
      const type = typeLiteral(schema, member)
      const mine = values.filter((v) => (v as Value)?._type === type)
      return mine.length === 0 ? [`${at}<${type}>`] : unfilled(schema, member, mine, `${at}<${type}>`)
    })
  }
  const attributes = objectAttributes(schema, resolved)
  if (!attributes) return []
  const containers = [node.type === 'inline' ? node.name : undefined, typeLiteral(schema, resolved)].filter(
    (c): c is string => Boolean(c),
  )
  return Object.entries(attributes).flatMap(([name, attr]) => {
    if (neverWritten(containers, name)) return []
    const present = values.map((v) => (v as Value)?.[name]).filter((v) => v !== undefined && v !== null)
    if (present.length === 0) return [`${at}.${name}`]
    return unfilled(schema, attr.value, present, `${at}.${name}`)
  })
}

/** Every editor field of `type`, deep, that none of `docs` fills. */
export function unfilledFields(schema: Schema, type: string, docs: Value[]): string[] {
  return documentFields(schema, type).flatMap((field) => {
    const present = docs.map((d) => d[field.name]).filter((v) => v !== undefined && v !== null)
    if (present.length === 0) return [`${type}.${field.name}`]
    return unfilled(schema, field.value, present, `${type}.${field.name}`)
  })
}
