using System.Text;
using Support.Kernel.Content;

namespace Support.Kernel.Tests;

public sealed class AttachmentPolicyTests
{
    private static UploadedFile File(string name, byte[] content) => new(name, "application/octet-stream", content);

    private static byte[] Starting(string head, int size = 100)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes(head).CopyTo(bytes, 0);
        return bytes;
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.4", "application/pdf")]
    [InlineData("screen.PNG", "\u0089PNG\r\n\u001a\n", "image/png")]
    [InlineData("letter.docx", "PK\u0003\u0004", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("logs.zip", "PK\u0003\u0004", "application/zip")]
    public void Known_types_are_recognised_from_their_content(string name, string head, string type)
    {
        var bytes = Starting(head);
        bytes[0] = (byte)head[0];
        var (accepted, refused) = AttachmentPolicy.Check([File(name, bytes)]);
        Assert.Empty(refused);
        Assert.Equal(type, Assert.Single(accepted).ContentType);
    }

    [Fact]
    public void Text_files_must_be_text()
    {
        Assert.Single(AttachmentPolicy.Check([File("app.log", "ERROR x\nWARN y\n"u8.ToArray())]).Accepted);
        Assert.Equal(RefusalReason.ContentDoesNotMatchName, Assert.Single(AttachmentPolicy.Check([File("app.log", [0x00, 0x01, 0x02])]).Refused).Reason);
        Assert.Equal(RefusalReason.ContentDoesNotMatchName, Assert.Single(AttachmentPolicy.Check([File("page.txt", "<!DOCTYPE html><html></html>"u8.ToArray())]).Refused).Reason);
    }

    [Theory]
    [InlineData("setup.exe", "MZ", false)]
    [InlineData("invoice.pdf", "MZ", true)]
    [InlineData("photo.jpg", "\u007fELF", true)]
    [InlineData("run.sh", "#!/bin/sh", false)]
    [InlineData("logo.svg", "<svg", false)]
    [InlineData("page.html", "<html>", false)]
    public void Executables_scripts_and_markup_are_refused(string name, string head, bool disguised) =>
        Assert.Equal(
            disguised ? RefusalReason.ContentDoesNotMatchName : RefusalReason.TypeNotAccepted,
            Assert.Single(AttachmentPolicy.Check([File(name, Starting(head))]).Refused).Reason);

    [Fact]
    public void At_most_five_files_of_two_megabytes()
    {
        var pdf = Starting("%PDF-");
        var files = Enumerable.Range(1, 6).Select(i => File($"{i}.pdf", pdf)).Append(File("big.pdf", Starting("%PDF-", AttachmentPolicy.MaxBytes + 1))).ToList();
        var (accepted, refused) = AttachmentPolicy.Check(files);
        Assert.Equal(5, accepted.Count);
        Assert.Equal([("6.pdf", RefusalReason.TooMany), ("big.pdf", RefusalReason.TooMany)], refused.Select(r => (r.FileName, r.Reason)));
        Assert.Equal(RefusalReason.TooLarge, Assert.Single(AttachmentPolicy.Check([File("big.pdf", Starting("%PDF-", AttachmentPolicy.MaxBytes + 1))]).Refused).Reason);
        Assert.Single(AttachmentPolicy.Check([File("exact.pdf", Starting("%PDF-", AttachmentPolicy.MaxBytes))]).Accepted);
    }

    [Theory]
    [InlineData("C:\\Users\\marie\\rapport.pdf", "rapport.pdf")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("a\"b\r\nc.pdf", "abc.pdf")]
    [InlineData("", "file")]
    public void File_names_lose_folders_and_control_characters(string name, string safe) =>
        Assert.Equal(safe, AttachmentPolicy.SafeFileName(name));
}
