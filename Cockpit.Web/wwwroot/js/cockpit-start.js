// Starts Blazor with patient reconnection: a wall screen must come back by itself after a network blip or a
// server restart. (Since .NET 9, when the server no longer knows the circuit, Blazor reloads the page itself.)
Blazor.start({
  circuit: {
    reconnectionOptions: {
      maxRetries: 100000,
      retryIntervalMilliseconds: (previousAttempts) => Math.min(1000 * (previousAttempts + 1), 5000)
    }
  }
});
