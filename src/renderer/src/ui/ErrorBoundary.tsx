import { Component, type ErrorInfo, type ReactNode } from 'react'

type State = { error: Error | null }

/** A rendering bug shows a way out instead of a blank window; the project on disk is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <main className="crash-screen" role="alert">
        <h1>Something went wrong on this screen.</h1>
        <p>Your project is saved as of your last change. Reloading the window usually fixes this.</p>
        <pre>{this.state.error.message}</pre>
        <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
          Reload window
        </button>
      </main>
    )
  }
}
