import type { z } from 'zod';
import type { Channel, ChannelAccess, ChannelOutput, Contract } from '../../shared/contract';
import type { Visibility } from '../accounts/lookup';
import type { Operator } from '../session/sessions';

/**
 * What a handler is given. The core has parsed the input and checked the channel's declared access
 * before calling: a public channel gets no operator, any other gets the operator it checked, and a
 * channel minimised at pharmacies also gets what that operator may see.
 */
export type Call<C extends Channel> = {
  sessionId: string;
  input: z.output<Contract[C]['input']>;
} & CallerOf<ChannelAccess<C>>;

type CallerOf<A> = A extends { who: 'public' }
  ? { operator: null }
  : A extends { atPharmacy: 'minimised' }
    ? { operator: Operator; visibility: Visibility }
    : { operator: Operator };

export type Handler<C extends Channel> = (call: Call<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** The typed map channel -> handler: every channel of the contract must be in it, or it does not compile. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers of one domain: the channels named `<prefix>.<verb>`. */
export type HandlersOf<Prefix extends string> = Pick<Handlers, Extract<Channel, `${Prefix}.${string}`>>;
