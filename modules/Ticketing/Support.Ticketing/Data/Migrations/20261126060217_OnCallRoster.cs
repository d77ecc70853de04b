using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class OnCallRoster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ticketing_on_call_shift",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ticketing_on_call_shift", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ticketing_on_call_shift_EndsAtUtc_StartsAtUtc",
                table: "ticketing_on_call_shift",
                columns: new[] { "EndsAtUtc", "StartsAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ticketing_on_call_shift");
        }
    }
}
