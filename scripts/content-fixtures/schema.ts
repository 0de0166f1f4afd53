/**
 * The Studio schema as `sanity schema extract --enforce-required-fields` writes it (studio/schema.json):
 * which fields each document type has and which the Studio requires. The fixtures are built from it and
 * checked against it, so a field added to the Studio shows up here without editing a list.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface SchemaNode {
  type: string
  name?: string
  value?: unknown
  of?: SchemaNode | SchemaNode[]
  attributes?: Record<string, SchemaAttribute>
  rest?: SchemaNode
}

export interface SchemaAttribute {
  type: 'objectAttribute'
  value: SchemaNode
  optional?: boolean
}

export interface SchemaEntry {
  name: string
  type: 'document' | 'type'
  attributes?: Record<string, SchemaAttribute>
  value?: SchemaNode
}

export type Schema = SchemaEntry[]

export const SCHEMA_FILE = path.resolve(import.meta.dirname, '../../studio/schema.json')

/** The document types editors create (the rest of schema.json is Sanity's own asset types). */
export const CONTENT_TYPES = [
  'modelWorker',
  'talk',
  'photo',
  'tour',
  'story',
  'siteSettings',
  'talkRequest',
  'talkFeedback',
  'lectureTopic',
  'pairing',
] as const
export type ContentType = (typeof CONTENT_TYPES)[number]

/** The public site's types: each has pages, lists and (some) feeds. */
export const PUBLIC_TYPES = ['modelWorker', 'talk', 'photo', 'tour', 'story'] as const

/** Set by the Content Lake, not by editors. */
export const SYSTEM_FIELDS = ['_id', '_type', '_createdAt', '_updatedAt', '_rev'] as const

export function loadSchema(file = SCHEMA_FILE): Schema {
  return JSON.parse(readFileSync(file, 'utf8')) as Schema
}

function entry(schema: Schema, name: string): SchemaEntry {
  const found = schema.find((e) => e.name === name)
  if (!found) throw new Error(`studio/schema.json has no type "${name}"`)
  return found
}

export interface FieldInfo {
  name: string
  optional: boolean
  value: SchemaNode
}

/** A document type's editor fields (system fields left out), in schema order. */
export function documentFields(schema: Schema, type: string): FieldInfo[] {
  const doc = entry(schema, type)
  if (doc.type !== 'document' || !doc.attributes) throw new Error(`"${type}" is not a document type`)
  return Object.entries(doc.attributes)
    .filter(([name]) => !(SYSTEM_FIELDS as readonly string[]).includes(name))
    .map(([name, attr]) => ({ name, optional: attr.optional === true, value: attr.value }))
}

/** Fields schema.json marks required (non-optional) for a document type. */
export const requiredFields = (schema: Schema, type: string): string[] =>
  documentFields(schema, type)
    .filter((f) => !f.optional)
    .map((f) => f.name)

/** The string literals of an `options.list` field (a union of literals), or undefined for any other field. */
export function literalValues(node: SchemaNode): string[] | undefined {
  if (node.type !== 'union' || !Array.isArray(node.of)) return undefined
  const values = node.of.map((n) => (n.type === 'string' && typeof n.value === 'string' ? n.value : undefined))
  return values.every((v) => v !== undefined) ? (values as string[]) : undefined
}

/** Follows `inline` nodes (named types such as `honour`, `geopoint`, `modelWorker.reference`) to their shape. */
export function resolve(schema: Schema, node: SchemaNode): SchemaNode {
  if (node.type !== 'inline' || !node.name) return node
  const target = entry(schema, node.name)
  if (target.type === 'document') return { type: 'object', attributes: target.attributes }
  return resolve(schema, target.value!)
}

/** An object node's attributes, merged with those of its `rest` (array members are `{_key} & rest`). */
export function objectAttributes(schema: Schema, node: SchemaNode): Record<string, SchemaAttribute> | undefined {
  const resolved = resolve(schema, node)
  if (resolved.type !== 'object') return undefined
  const rest = resolved.rest ? objectAttributes(schema, resolved.rest) : undefined
  return { ...rest, ...resolved.attributes }
}
