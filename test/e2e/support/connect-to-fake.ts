import type { Page } from 'playwright-core'

/** Points the app at a fake MuleRouter through Settings, as a user would: custom URL, key, save. */
export async function connectToFake(page: Page, url: string, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: 'Custom URL' }).click()
  await dialog.getByLabel('Custom base URL').fill(url)
  await dialog.getByRole('textbox', { name: 'API key', exact: true }).fill(key)
  await dialog.getByRole('button', { name: 'Save key' }).click()
  await dialog.getByText(/this session only|encrypted/i).first().waitFor()
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await dialog.waitFor({ state: 'detached' })
}
