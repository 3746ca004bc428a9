import { describe, expect, it } from 'vitest';
import { pluralize, resourceItemPath, resourcePath, toCamel, toKebab, toPascal, toSnake, words } from '../../src/answers/names.js';

describe('names', () => {
  it('splits words at case changes and separators', () => {
    expect(words('UserRole')).toEqual(['user', 'role']);
    expect(words('HTTPServer')).toEqual(['http', 'server']);
    expect(words('user_role')).toEqual(['user', 'role']);
    expect(words('billing-core v2')).toEqual(['billing', 'core', 'v2']);
  });

  it('converts between cases', () => {
    expect(toPascal('user_role')).toBe('UserRole');
    expect(toCamel('UserRole')).toBe('userRole');
    expect(toSnake('UserRole')).toBe('user_role');
    expect(toKebab('UserRole')).toBe('user-role');
    expect(toKebab('Payments')).toBe('payments');
  });

  it('pluralises with simple English rules', () => {
    expect(pluralize('Product')).toBe('Products');
    expect(pluralize('Category')).toBe('Categories');
    expect(pluralize('Key')).toBe('Keys');
    expect(pluralize('Box')).toBe('Boxes');
    expect(pluralize('Status')).toBe('Statuses');
    expect(pluralize('Branch')).toBe('Branches');
    expect(pluralize('Wish')).toBe('Wishes');
    expect(pluralize('Quiz')).toBe('Quizes');
    expect(pluralize('Person')).toBe('Persons');
    // The Greek -sis nouns take -ses, not -sises (AppointmentDiagnosis -> appointment_diagnoses).
    expect(pluralize('Diagnosis')).toBe('Diagnoses');
    expect(pluralize('AppointmentDiagnosis')).toBe('AppointmentDiagnoses');
    expect(pluralize('ANALYSIS')).toBe('ANALYSES');
    expect(pluralize('UserRole')).toBe('UserRoles');
  });

  it('builds resource paths', () => {
    expect(resourcePath('Product')).toBe('/products');
    expect(resourcePath('UserRole')).toBe('/user-roles');
    expect(resourcePath('Category')).toBe('/categories');
    expect(resourcePath('Category', '/catalog/categories')).toBe('/catalog/categories');
    expect(resourceItemPath('/products/', 'sku')).toBe('/products/{sku}');
  });
});
