using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Support.Ticketing.Data.Migrations
{
    /// <inheritdoc />
    public partial class SlaAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SlaBreachedForUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaWarnedForUtc",
                table: "ticketing_ticket",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SlaBreachedForUtc",
                table: "ticketing_ticket");

            migrationBuilder.DropColumn(
                name: "SlaWarnedForUtc",
                table: "ticketing_ticket");
        }
    }
}
