// Friendly names for the generated OpenAPI types. Only this file knows the schema names.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['Me'];
export type Role = Schemas['Role'];
export type Token = Schemas['TokenResponse'];
export type UiLocale = NonNullable<Schemas['MeUpdate']['locale']>;
export type Region = Schemas['RegionRead'];
export type Organization = Schemas['OrganizationRead'];

export type School = Schemas['SchoolRead'];
export type SchoolCreate = Schemas['SchoolCreate'];
export type SchoolUpdate = Schemas['SchoolUpdate'];
export type Stage = Schemas['Stage'];
export type SchoolLocale = Schemas['SchoolLocale'];

export type Teacher = Schemas['TeacherRead'];
export type TeacherCreate = Schemas['TeacherCreate'];
export type TeacherUpdate = Schemas['TeacherUpdate'];
export type Gender = Schemas['Gender'];
export type TitleRank = Schemas['TitleRank'];
export type BackboneLevel = Schemas['BackboneLevel'];

export type User = Schemas['UserRead'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export const ROLES = ['bureau_admin', 'bureau_viewer', 'school_admin', 'teacher'] as const satisfies readonly Role[];
export const STAGES = [
  'kindergarten',
  'primary',
  'junior',
  'nine_year',
  'senior',
  'complete',
  'vocational',
  'special',
] as const satisfies readonly Stage[];
export const SCHOOL_LOCALES = ['urban', 'town', 'rural', 'remote'] as const satisfies readonly SchoolLocale[];
export const GENDERS = ['female', 'male'] as const satisfies readonly Gender[];
export const TITLE_RANKS = [
  'none',
  'third',
  'second',
  'first',
  'senior',
  'principal_senior',
] as const satisfies readonly TitleRank[];
export const BACKBONE_LEVELS = ['none', 'school', 'county', 'city', 'province'] as const satisfies readonly BackboneLevel[];
export const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '历史',
  '地理',
  '政治',
  '音乐',
  '体育',
  '美术',
  '信息技术',
  '科学',
] as const;
