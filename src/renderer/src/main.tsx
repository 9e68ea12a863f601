import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/tokens.css'
import './styles/base.css'
import './ui/controls.css'
import { App } from './app/App'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { loadMediaBase } from './ipc/media-url'

function render(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        {window.omniboard ? (
          <App />
        ) : (
          <main className="crash-screen" role="alert">
            <h1>Omniboard needs its app window.</h1>
            <p>This page talks to Omniboard's background process; open it from the Omniboard app.</p>
          </main>
        )}
      </ErrorBoundary>
    </StrictMode>,
  )
}

// Media URLs need main's answer first: one quick call, made before anything can show an image.
if (window.omniboard) void loadMediaBase().finally(render)
else render()
