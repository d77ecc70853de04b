using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Kernel.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EmailClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "kernel_email_messages",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUntilUtc",
                table: "kernel_email_messages",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "kernel_email_messages");

            migrationBuilder.DropColumn(
                name: "ClaimedUntilUtc",
                table: "kernel_email_messages");
        }
    }
}
