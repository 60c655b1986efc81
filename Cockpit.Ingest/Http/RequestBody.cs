using System.Buffers;

namespace Cockpit.Ingest.Http;

/// <summary>What <see cref="RequestBodyReader"/> read: a pooled buffer to return with <see cref="Dispose"/>.</summary>
internal sealed class RequestBody(RequestBodyStatus status, byte[]? buffer, int length) : IDisposable
{
    private byte[]? _buffer = buffer;

    public RequestBodyStatus Status { get; } = status;

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, length);

    public static RequestBody Failed(RequestBodyStatus status) => new(status, null, 0);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
