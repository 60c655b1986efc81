using System.Globalization;

namespace Cockpit.Web.Localization;

/// <summary>
/// The viewer's culture and UI culture, captured by a component on its circuit, and put back around the work (and the
/// render it causes) that a push hands to the renderer. A push (a throttled subscription, a score feed, a timer) calls
/// back on a scheduler or detection thread whose culture is whatever that thread was started with — the server's, or
/// another viewer's — and Blazor renders inside <c>InvokeAsync(StateHasChanged)</c> with the calling thread's culture.
/// Without this, a Chinese viewer's inbox re-renders in English (and the other way round) as soon as something changes.
/// </summary>
/// <example>
/// <code>
/// protected override void OnInitialized() { _viewer = ViewerCulture.Capture(); ... }
/// private void OnPush() => _ = _viewer.InvokeAsync(InvokeAsync, () => { _rows = rows; StateHasChanged(); });
/// </code>
/// </example>
public sealed class ViewerCulture
{
    private ViewerCulture(CultureInfo culture, CultureInfo uiCulture)
    {
        Culture = culture;
        UICulture = uiCulture;
    }

    /// <summary>Formats of numbers and dates.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Language of resources.</summary>
    public CultureInfo UICulture { get; }

    /// <summary>The current thread's cultures; call where they are the viewer's (a component's <c>OnInitialized</c>).</summary>
    public static ViewerCulture Capture() => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Runs <paramref name="action"/> in the viewer's cultures and restores the thread's afterwards.</summary>
    public void Run(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Apply(Culture, UICulture);
        try
        {
            action();
        }
        finally
        {
            Apply(culture, uiCulture);
        }
    }

    /// <summary>Runs <paramref name="action"/> to its end in the viewer's cultures and restores the thread's afterwards.</summary>
    public async Task RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Apply(Culture, UICulture);
        try
        {
            // The cultures flow with the execution context into the continuations, so renders after an await are the
            // viewer's too.
            await action();
        }
        finally
        {
            Apply(culture, uiCulture);
        }
    }

    /// <summary>
    /// Hands <paramref name="action"/> to the renderer through <paramref name="invoke"/> (the component's
    /// <c>InvokeAsync</c>) and runs it in the viewer's cultures: the render its <c>StateHasChanged</c> queues runs inside
    /// it, so it formats and localizes as the viewer's first render did.
    /// </summary>
    public Task InvokeAsync(Func<Action, Task> invoke, Action action)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return invoke(() => Run(action));
    }

    /// <inheritdoc cref="InvokeAsync(Func{Action, Task}, Action)"/>
    public Task InvokeAsync(Func<Func<Task>, Task> invoke, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(invoke);
        return invoke(() => RunAsync(action));
    }

    private static void Apply(CultureInfo culture, CultureInfo uiCulture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
