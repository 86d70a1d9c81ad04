import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Public } from '@ledger/platform';

/**
 * The dashboard page (GET /) and its assets (GET /assets/{file}): files of `apps/projection/web`, copied to dist by
 * the build, and ECharts from node_modules; no CDN. The page holds no data: it signs in with a token the user pastes
 * and reads the API with it, so these routes need none.
 */
const WEB = join(__dirname, '..', '..', 'web');
const ASSETS: Readonly<Record<string, { path: string; type: string }>> = {
  'dashboard.js': { path: join(WEB, 'dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { path: join(WEB, 'dashboard.css'), type: 'text/css; charset=utf-8' },
  'echarts.min.js': {
    path: join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
};
/** The page's own rules: scripts and styles from this origin only, no framing. */
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

const cache = new Map<string, Buffer>();
const read = (path: string): Buffer => {
  let body = cache.get(path);
  if (!body) cache.set(path, (body = readFileSync(path)));
  return body;
};

@ApiExcludeController()
@Controller()
export class DashboardPageHttpController {
  @Public()
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', CSP)
  @Header('cache-control', 'no-cache')
  page(): Buffer {
    return read(join(WEB, 'index.html'));
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply): void {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException(`no asset ${file}`);
    void reply.header('content-type', asset.type).header('cache-control', 'no-cache').send(read(asset.path));
  }
}
