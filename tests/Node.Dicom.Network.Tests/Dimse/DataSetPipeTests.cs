using Node.Dicom.Network.Dimse;

namespace Node.Dicom.Network.Tests.Dimse;

public sealed class DataSetPipeTests
{
    [Test]
    [Description("Fragment arrays go back to the shared pool once read, and the next pipes rent them again: every pipe must still read exactly the bytes written to it.")]
    public async Task Pipes_read_back_written_bytes()
    {
        for (var instance = 0; instance < 20; instance++)
        {
            var fragments = Fragments(seed: instance, count: 5);
            using var pipe = new DataSetPipe();

            var writer = WriteAllAsync(pipe, fragments);
            var read = await ReadToEndAsync(pipe);
            await writer;

            Assert.That(read, Is.EqualTo(fragments.SelectMany(fragment => fragment).ToArray()), $"instance {instance}");
        }
    }

    [Test]
    public async Task Closed_reader_drops_later_fragments()
    {
        using var pipe = new DataSetPipe();
        await pipe.WriteFragmentAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);

        pipe.CloseReader();
        await pipe.WriteFragmentAsync(new byte[] { 4, 5 }, CancellationToken.None);
        pipe.Complete();

        Assert.That(await pipe.ReadAsync(new byte[8]), Is.Zero, "a closed reader sees no more bytes");
    }

    [Test]
    public void Synchronous_read_spans_fragments()
    {
        using var pipe = new DataSetPipe();
        pipe.WriteFragmentAsync(new byte[] { 1, 2 }, CancellationToken.None).AsTask().Wait();
        pipe.WriteFragmentAsync(new byte[] { 3, 4, 5 }, CancellationToken.None).AsTask().Wait();
        pipe.Complete();

        var buffer = new byte[8];
        var first = pipe.Read(buffer, 0, 8);
        var second = pipe.Read(buffer, first, 8 - first);
        var end = pipe.Read(buffer, first + second, 8 - first - second);

        Assert.That(buffer[..(first + second)], Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.That(end, Is.Zero);
    }

    private static List<byte[]> Fragments(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var fragment = new byte[random.Next(1, 300_000)];
            random.NextBytes(fragment);
            return fragment;
        })];
    }

    private static async Task WriteAllAsync(DataSetPipe pipe, List<byte[]> fragments)
    {
        foreach (var fragment in fragments)
        {
            await pipe.WriteFragmentAsync(fragment, CancellationToken.None);
        }

        pipe.Complete();
    }

    private static async Task<byte[]> ReadToEndAsync(DataSetPipe pipe)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[70_000];
        int read;
        while ((read = await pipe.ReadAsync(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }
}
