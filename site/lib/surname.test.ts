import { describe, expect, it } from 'vitest'
import { surnameOf } from './surname'

describe('surnameOf', () => {
  it('takes the first character of an ordinary name', () => {
    expect(surnameOf('闫桂珍')).toBe('闫')
    expect(surnameOf('  新志强')).toBe('新')
    expect(surnameOf('才让卓玛')).toBe('才')
  })

  it('takes both characters of a compound surname, unless that is the whole name', () => {
    expect(surnameOf('欧阳红梅')).toBe('欧阳')
    expect(surnameOf('诸葛亮')).toBe('诸葛')
    expect(surnameOf('司马')).toBe('司')
  })

  it('keeps a character outside the BMP whole, and gives nothing for an empty name', () => {
    expect(surnameOf('𠮷野家')).toBe('𠮷')
    expect(surnameOf('')).toBe('')
  })
})
