/**
 * The desk editors see, rendered from the data in lib/desk.ts (where the lists and their
 * GROQ filters are tested).
 */
import type { ListItemBuilder, StructureBuilder, StructureResolver } from 'sanity/structure'
import { API_VERSION } from '#domain/sanity'
import { DESK, type DeskList, type DeskNode } from './lib/desk'

function documentList(S: StructureBuilder, list: DeskList) {
  let builder = S.documentList()
    .id(list.id)
    .title(list.title)
    .schemaType(list.schemaType)
    .apiVersion(API_VERSION)
    .filter(list.filter)
    .params(list.params ?? {})
  if (list.ordering) builder = builder.defaultOrdering(list.ordering)
  const params = list.params ?? {}
  // The create button of a list offers its templates, fed by the list's own parameters.
  if (list.templates) {
    builder = builder.initialValueTemplates(list.templates.map((id) => S.initialValueTemplateItem(id, params)))
  }
  return builder
}

function item(S: StructureBuilder, node: DeskNode): ListItemBuilder {
  const base = S.listItem().id(node.id).title(node.title)
  switch (node.kind) {
    case 'list':
      return base.schemaType(node.schemaType).child(documentList(S, node))
    case 'group': {
      const withType = node.schemaType ? base.schemaType(node.schemaType) : base
      return withType.child(
        S.list()
          .id(node.id)
          .title(node.title)
          .items(node.children.map((child) => item(S, child))),
      )
    }
    case 'perDocument':
      return base.schemaType(node.parentType).child(
        S.documentTypeList(node.parentType)
          .id(node.id)
          .title(node.title)
          .defaultOrdering(node.parentOrdering ?? [])
          .child((parentId: string) => documentList(S, node.childList(parentId))),
      )
    case 'singleton':
      return base
        .schemaType(node.schemaType)
        .child(S.document().id(node.id).title(node.title).schemaType(node.schemaType).documentId(node.documentId))
  }
}

export const structure: StructureResolver = (S) =>
  S.list()
    .id('root')
    .title('内容')
    .items(
      DESK.flatMap((node, i) => (node.kind === 'singleton' && i > 0 ? [S.divider(), item(S, node)] : [item(S, node)])),
    )
