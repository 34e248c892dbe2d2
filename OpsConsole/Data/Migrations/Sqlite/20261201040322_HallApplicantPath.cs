using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsConsole.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HallApplicantPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdNumberMasked",
                table: "Tickets",
                type: "TEXT",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ServiceItemId",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NearTurnNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    QueueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    WhenAhead = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PurgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NearTurnNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NearTurnNotices_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId");

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_ServiceDay_QueueId_State",
                table: "NearTurnNotices",
                columns: new[] { "ServiceDay", "QueueId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_NearTurnNotices_TicketId",
                table: "NearTurnNotices",
                column: "TicketId");

            migrationBuilder.AddForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets",
                column: "ServiceItemId",
                principalTable: "ServiceItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Tickets_ServiceItems_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropTable(
                name: "NearTurnNotices");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ServiceItemId",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "IdNumberMasked",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ServiceItemId",
                table: "Tickets");
        }
    }
}
