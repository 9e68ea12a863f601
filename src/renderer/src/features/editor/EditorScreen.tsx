export function EditorScreen() {
  return <main className="editor">Editor</main>
}
