import type { Page } from 'playwright-core'

/** Points Settings at a (fake) server and saves a key for it, as a user does once. */
export async function connectTo(page: Page, baseUrl: string, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: 'Custom URL' }).click()
  await dialog.getByLabel('Custom base URL').fill(baseUrl)
  await dialog.getByRole('textbox', { name: 'API key', exact: true }).fill(key)
  await dialog.getByRole('button', { name: 'Save key' }).click()
  await dialog.getByText(/this session only|encrypted/i).first().waitFor()
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await dialog.waitFor({ state: 'detached' })
}
