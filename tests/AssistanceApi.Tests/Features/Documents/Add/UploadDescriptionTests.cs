using System.Net;
using System.Text;
using AssistanceApi.Tests.Support;
using static AssistanceApi.Tests.Support.DocumentCalls;

namespace AssistanceApi.Tests.Features.Documents.Add;

/// <summary>
/// What an upload says about itself, from its headers and query. The filesystem store only: none of this depends on
/// the store. Each test works on drafts of its own.
/// </summary>
public sealed class UploadDescriptionTests(DocumentHosts hosts) : IClassFixture<DocumentHosts>
{
    private readonly DocumentHost _api = hosts[DocumentHosts.FileSystem];

    private static HttpRequestMessage Named(Case c, string disposition)
    {
        var message = UploadOf(DocumentsUrl(c.Id, "?purpose=supporting"), new ByteArrayContent(UniquePdf()), "application/pdf", null);
        message.Content!.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        return message;
    }

    private async Task<string> StoredNameAsync(string disposition)
    {
        var c = await Case.AtAsync(_api, "draft");
        return (await (await c.Fra.SendAsync(Named(c, disposition))).ExpectAsync(HttpStatusCode.Created))["name"].Str();
    }

    [Fact]
    public async Task File_names_lose_paths_control_characters_and_what_is_past_255_bytes()
    {
        Assert.Equal("passwd.pdf", await StoredNameAsync("attachment; filename=\"../../etc/passwd.pdf\""));
        Assert.Equal("evil.pdf", await StoredNameAsync("attachment; filename=\"C:\\\\temp\\\\evil.pdf\""));
        Assert.Equal("ab.pdf", await StoredNameAsync("attachment; filename*=UTF-8''a%01%E2%80%AEb.pdf"));
        var longName = new string('é', 200) + ".pdf";
        var kept = await StoredNameAsync($"attachment; filename*=UTF-8''{Uri.EscapeDataString(longName)}");
        Assert.True(Encoding.UTF8.GetByteCount(kept) <= 255, kept);
        Assert.StartsWith("éé", kept);
    }
}
