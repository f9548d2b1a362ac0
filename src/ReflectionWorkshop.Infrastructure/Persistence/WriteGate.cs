namespace ReflectionWorkshop.Infrastructure.Persistence;

/// <summary>
/// SQLite takes one writer at a time; connections that collide back off and retry (its busy timeout), and
/// under a burst that costs far more than waiting in line (measured: 64 colliding writers commit 132–192
/// answers/s, one at a time 3,300–4,000/s; docs/benchmarks.md). So the hot-path writes (joining, answering)
/// take their turn in-process when the database is SQLite. Each write is still committed before the phone
/// is told it was saved. With PostgreSQL the gate is open.
/// </summary>
public sealed class WriteGate(bool oneAtATime)
{
    private readonly SemaphoreSlim? _turn = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    public async Task RunAsync(Func<Task> write, CancellationToken cancellationToken)
    {
        if (_turn is null)
        {
            await write();
            return;
        }

        await _turn.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            _turn.Release();
        }
    }
}
