// Starts Blazor with patient reconnection: a wall screen must come back by itself after a network blip or a
// server restart. While the server is down Blazor keeps retrying (up to every 5 s, for days); once a restarted
// server answers that it no longer knows the circuit, Blazor reloads the page itself (since .NET 9). Should the
// retries ever run out, or resuming fail, the page reloads after a pause rather than wait for someone to click.
Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: 100000,
      retryIntervalMilliseconds: (previousAttempts) => Math.min(1000 * (previousAttempts + 1), 5000)
    }
  }
});

document.addEventListener('components-reconnect-state-changed', (event) => {
  const state = event.detail && event.detail.state;
  if (state === 'failed' || state === 'rejected' || state === 'resume-failed') {
    setTimeout(() => location.reload(), 10000);
  }
});
