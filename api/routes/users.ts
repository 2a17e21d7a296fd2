import { listApiKeys, listUsers } from '../../store/index.ts';
import { NotFoundError } from '../../core/index.ts';
import type { ApiContext } from '../http/context.ts';
import { type Route, route } from '../http/route.ts';
import { idParams } from '../http/validate.ts';
import {
  apiKeyCreateBody,
  apiKeyCreated,
  apiKeyList,
  publicUser,
  userCreateBody,
  userList,
  userPatchBody,
} from '../schemas/admin.ts';
import { addApiKey, addUser, changeUser, removeApiKey, removeUser } from '../services/user-service.ts';
import { getUserById } from '../../store/index.ts';

/** Users and API keys (admins only, audited). */
export function userRoutes(ctx: ApiContext): Route[] {
  const db = () => ctx.db();
  return [
    route({
      method: 'get',
      path: '/api/v1/users',
      tag: 'Users',
      access: 'users.manage',
      summary: 'List users',
      response: userList,
      handler: async () => ({ items: await listUsers(db()) }),
    }),
    route({
      method: 'post',
      path: '/api/v1/users',
      tag: 'Users',
      access: 'users.manage',
      summary: 'Create a user (audited)',
      body: userCreateBody,
      response: publicUser,
      status: 201,
      handler: ({ body, auth }) => addUser(db(), body, auth),
    }),
    route({
      method: 'get',
      path: '/api/v1/users/:id',
      tag: 'Users',
      access: 'users.manage',
      summary: 'A user',
      params: idParams,
      response: publicUser,
      handler: async ({ params }) => {
        const u = await getUserById(db(), params.id);
        if (!u) throw new NotFoundError(`user ${params.id} does not exist`);
        return u;
      },
    }),
    route({
      method: 'patch',
      path: '/api/v1/users/:id',
      tag: 'Users',
      access: 'users.manage',
      summary:
        'Change role, team, duty, password or disable (audited; ends their sessions on role, password or disable)',
      params: idParams,
      body: userPatchBody,
      response: publicUser,
      handler: ({ params, body, auth }) => changeUser(db(), params.id, body, auth),
    }),
    route({
      method: 'delete',
      path: '/api/v1/users/:id',
      tag: 'Users',
      access: 'users.manage',
      summary: 'Delete a user (audited)',
      params: idParams,
      status: 204,
      handler: ({ params, auth }) => removeUser(db(), params.id, auth),
    }),
    route({
      method: 'get',
      path: '/api/v1/api-keys',
      tag: 'API keys',
      access: 'keys.manage',
      summary: 'List API keys (no secrets)',
      response: apiKeyList,
      handler: async () => ({ items: await listApiKeys(db()) }),
    }),
    route({
      method: 'post',
      path: '/api/v1/api-keys',
      tag: 'API keys',
      access: 'keys.manage',
      summary: 'Create an API key with a role; the key is shown once',
      body: apiKeyCreateBody,
      response: apiKeyCreated,
      status: 201,
      handler: ({ body, auth }) => addApiKey(db(), body, auth),
    }),
    route({
      method: 'delete',
      path: '/api/v1/api-keys/:id',
      tag: 'API keys',
      access: 'keys.manage',
      summary: 'Revoke an API key',
      params: idParams,
      status: 204,
      handler: ({ params, auth }) => removeApiKey(db(), params.id, auth),
    }),
  ];
}
