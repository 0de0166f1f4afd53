import type { DocumentActionComponent } from 'sanity'
import { LaunchIcon } from '@sanity/icons/Launch'
import { siteUrl } from '../env'
import { siteUrlFor, type LinkableDocument } from '../lib/siteLinks'

/** "在网站上查看": opens the published document's page on the public site. */
export const ViewOnSiteAction: DocumentActionComponent = ({ id, type, published, onComplete }) => {
  const url = published ? siteUrlFor({ ...(published as LinkableDocument), _id: id, _type: type }, siteUrl) : null
  return {
    label: '在网站上查看',
    icon: LaunchIcon,
    disabled: !url,
    title: url
      ? `${url}（网站重新构建后才会显示最新发布的内容）`
      : published
        ? '此文档还没有网址标识，网站上没有对应页面'
        : '尚未发布，网站上还没有此页面',
    onHandle: () => {
      if (url) window.open(url, '_blank', 'noopener,noreferrer')
      onComplete()
    },
  }
}
ViewOnSiteAction.displayName = 'ViewOnSiteAction'
